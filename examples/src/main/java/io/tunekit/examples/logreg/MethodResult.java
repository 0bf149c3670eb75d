package io.tunekit.examples.logreg;

import java.time.Duration;
import java.util.Map;

/**
 * What one search method achieved in the comparison.
 *
 * @param method the search method
 * @param studyName the study that holds its trials
 * @param bestScore the best cross-validated score of its completed trials
 * @param bestParams the parameters of that trial
 * @param trials how many trials it completed
 * @param wallTime how long its {@code optimize} call took
 */
public record MethodResult(
        SearchMethod method,
        String studyName,
        double bestScore,
        Map<String, Object> bestParams,
        int trials,
        Duration wallTime) {
    /** Copies the parameters. */
    public MethodResult {
        bestParams = Map.copyOf(bestParams);
    }
}

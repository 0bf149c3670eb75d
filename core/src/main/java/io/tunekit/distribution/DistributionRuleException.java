package io.tunekit.distribution;

/**
 * A distribution's rule is broken: bounds, step or log settings that do not fit together, or a
 * value the distribution cannot hold. The message names the distribution kind, the value and the
 * rule; {@link #rule()} is the same without the kind, for callers that name the parameter
 * instead (e.g. {@code lr: low=0.0 must be > 0 when log=true}).
 */
public class DistributionRuleException extends IllegalArgumentException {

    private final String rule;

    /**
     * @param kind the distribution's simple class name
     * @param rule the value and the rule it breaks
     */
    public DistributionRuleException(String kind, String rule) {
        super(kind + ": " + rule);
        this.rule = rule;
    }

    /**
     * The broken rule with the offending value, without the distribution kind.
     *
     * @return e.g. {@code low=0.0 must be > 0 when log=true}
     */
    public String rule() {
        return rule;
    }
}

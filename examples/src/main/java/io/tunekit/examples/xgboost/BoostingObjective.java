package io.tunekit.examples.xgboost;

import io.tunekit.Objective;
import io.tunekit.Trial;
import io.tunekit.TrialPrunedException;
import io.tunekit.examples.ml.Dataset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a multi-class XGBoost model one boosting round at a time on a fixed training split,
 * reports the validation multi-class log loss after every round, and lets the study's pruner
 * stop the trial. Tuned: {@code max_depth, eta, subsample, colsample_bytree, min_child_weight,
 * lambda, alpha}. Each trial records the rounds it ran ({@code rounds}) and, when it completes,
 * its validation accuracy ({@code accuracy}). Counts the rounds run by all trials.
 *
 * <p>Owns native XGBoost matrices: {@link #close()} frees them. One trial at a time.
 */
final class BoostingObjective implements Objective, AutoCloseable {

    static final String ROUNDS_ATTR = "rounds";
    static final String ACCURACY_ATTR = "accuracy";

    private final DMatrix train;
    private final DMatrix validation;
    private final int[] validationLabels;
    private final int classes;
    private final int rounds;
    private final long seed;
    private final AtomicLong roundsRun = new AtomicLong();

    BoostingObjective(Dataset trainData, Dataset validationData, int rounds, long seed) throws XGBoostError {
        this.train = matrix(trainData);
        this.validation = matrix(validationData);
        this.validationLabels = validationData.labels();
        this.classes = trainData.classCount();
        this.rounds = rounds;
        this.seed = seed;
    }

    private static DMatrix matrix(Dataset data) throws XGBoostError {
        double[][] rows = data.features();
        int width = data.featureCount();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) rows[i][j];
            }
        }
        DMatrix matrix = new DMatrix(flat, rows.length, width, Float.NaN);
        float[] labels = new float[rows.length];
        int[] y = data.labels();
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i];
        }
        matrix.setLabel(labels);
        return matrix;
    }

    /** Boosting rounds run so far by every trial, pruned ones included. */
    long roundsRun() {
        return roundsRun.get();
    }

    @Override
    public double evaluate(Trial trial) throws XGBoostError {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", classes);
        params.put("eval_metric", "mlogloss");
        params.put("tree_method", "hist");
        params.put("nthread", 1);
        params.put("seed", seed);
        params.put("verbosity", 0);
        params.put("max_depth", trial.suggestInt("max_depth", 2, 10));
        params.put("eta", trial.suggestLogFloat("eta", 0.01, 0.5));
        params.put("subsample", trial.suggestFloat("subsample", 0.5, 1.0));
        params.put("colsample_bytree", trial.suggestFloat("colsample_bytree", 0.3, 1.0));
        params.put("min_child_weight", trial.suggestLogFloat("min_child_weight", 0.5, 20));
        params.put("lambda", trial.suggestLogFloat("lambda", 1e-3, 10));
        params.put("alpha", trial.suggestLogFloat("alpha", 1e-3, 10));
        Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
        try {
            float[] loss = new float[1];
            for (int round = 0; round < rounds; round++) {
                booster.update(train, round);
                roundsRun.incrementAndGet();
                booster.evalSet(new DMatrix[] {validation}, new String[] {"validation"}, round, loss);
                trial.report(loss[0], round);
                if (trial.shouldPrune()) {
                    trial.setUserAttr(ROUNDS_ATTR, round + 1);
                    throw new TrialPrunedException("pruned after round " + round);
                }
            }
            trial.setUserAttr(ROUNDS_ATTR, rounds);
            trial.setUserAttr(ACCURACY_ATTR, accuracy(booster.predict(validation)));
            return loss[0];
        } finally {
            booster.dispose();
        }
    }

    private double accuracy(float[][] probabilities) {
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int predicted = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][predicted]) {
                    predicted = c;
                }
            }
            if (predicted == validationLabels[i]) {
                correct++;
            }
        }
        return correct / (double) probabilities.length;
    }

    @Override
    public void close() {
        train.dispose();
        validation.dispose();
    }
}

package io.emostream.model.evaluation;

/**
 * Precision, recall and F1 of one class; 0 where undefined (no predictions or no examples).
 *
 * @param label     class name
 * @param support   examples whose true class this is
 * @param precision correct / predicted as this class
 * @param recall    correct / support
 * @param f1        harmonic mean of precision and recall
 */
public record ClassMetrics(String label, long support, double precision, double recall, double f1) {}

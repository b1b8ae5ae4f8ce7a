package io.emostream.model.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a bundle's weights came from, for the people who must trust its outputs.
 *
 * @param trainingCorpus what it was trained on (e.g. "synthetic acted-emotion corpus v1"), or
 *                       "none (random initialisation)"
 * @param date           ISO-8601 date of training, may be {@code null}
 * @param seed           random seed of training or initialisation, may be {@code null}
 * @param notes          free text, may be {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String trainingCorpus, String date, Long seed, String notes) {}

package io.emostream.model.corpus;

/**
 * One synthetic speaker: an accent, a variant for timbre and personal offsets of pitch and rate,
 * so two speakers sharing a variant still differ.
 *
 * @param id         e.g. {@code spk07}
 * @param role       whether the speaker is an agent or a customer
 * @param language   espeak-ng language voice, e.g. {@code en-gb}
 * @param variant    the base variant for timbre
 * @param pitchScale personal factor on the variant's pitch, around 1
 * @param rateScale  personal factor on speaking rate, around 1
 * @param split      the split the speaker (and every utterance of theirs) belongs to
 */
public record Speaker(String id, Role role, String language, BaseVariant variant, double pitchScale,
    double rateScale, CorpusSplit split) {}

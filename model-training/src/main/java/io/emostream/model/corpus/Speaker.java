package io.emostream.model.corpus;

/**
 * One synthetic speaker: an espeak-ng accent and variant for timbre, or a festival or flite voice,
 * and personal offsets of pitch and rate, so two speakers sharing a voice still differ.
 *
 * @param id         e.g. {@code spk07}
 * @param role       whether the speaker is an agent or a customer
 * @param language   espeak-ng language voice, e.g. {@code en-gb}
 * @param variant    the base variant for timbre
 * @param pitchScale personal factor on the variant's pitch, around 1
 * @param rateScale  personal factor on speaking rate, around 1
 * @param split      the split the speaker (and every utterance of theirs) belongs to
 * @param external   the festival or flite voice, or null for an espeak-ng speaker (then
 *                   {@code language} and {@code variant} apply; otherwise {@code variant} is null)
 */
public record Speaker(String id, Role role, String language, BaseVariant variant, double pitchScale,
    double rateScale, CorpusSplit split, ExternalVoice external) {

  /** An espeak-ng speaker. */
  public Speaker(String id, Role role, String language, BaseVariant variant, double pitchScale, double rateScale,
      CorpusSplit split) {
    this(id, role, language, variant, pitchScale, rateScale, split, null);
  }

  /** The speaker in {@code split}. */
  public Speaker inSplit(CorpusSplit split) {
    return new Speaker(id, role, language, variant, pitchScale, rateScale, split, external);
  }

  /** {@code espeak-ng}, {@code festival} or {@code flite}. */
  public String synthesizer() {
    return external == null ? "espeak-ng" : external.engine();
  }
}

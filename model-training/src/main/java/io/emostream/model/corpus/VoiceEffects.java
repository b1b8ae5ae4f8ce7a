package io.emostream.model.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The emotion rendering of a festival or flite utterance: those voices have no usable prosody
 * controls, so the neutral voice is rendered and the emotion applied afterwards with sox effects
 * (written to the manifest so every WAV can be explained and regenerated).
 *
 * @param tempo       time-stretch factor without pitch change (sox {@code tempo -s}); above 1 is faster
 * @param pitchCents  pitch shift in cents (sox {@code pitch}); speaker offset plus emotion
 * @param gainDb      gain after peak normalisation to {@value #NORM_DBFS} dBFS
 * @param overdriveDb vocal strain (sox {@code overdrive}); 0 = none
 * @param trebleDb    high-shelf boost or cut at 3 kHz (sox {@code treble}): effort brightens, sadness dulls
 * @param lowpassHz   low-pass corner (sox {@code lowpass}); 0 = none
 * @param noiseDbfs   level of the added line noise in dB relative to full scale
 */
public record VoiceEffects(double tempo, int pitchCents, double gainDb, int overdriveDb, double trebleDb,
    int lowpassHz, double noiseDbfs) {

  /** Peak level every rendering is normalised to before {@link #gainDb}. */
  public static final int NORM_DBFS = -6;

  /** The sox effect arguments, in order, ending before the final {@code rate}. */
  public List<String> soxArgs() {
    List<String> args = new ArrayList<>(List.of("norm", String.valueOf(NORM_DBFS)));
    if (tempo != 1.0) {
      args.addAll(List.of("tempo", "-s", String.valueOf(tempo)));
    }
    if (pitchCents != 0) {
      args.addAll(List.of("pitch", String.valueOf(pitchCents)));
    }
    if (overdriveDb > 0) {
      args.addAll(List.of("overdrive", String.valueOf(overdriveDb)));
    }
    if (trebleDb != 0) {
      args.addAll(List.of("treble", String.valueOf(trebleDb), "3000"));
    }
    if (lowpassHz > 0) {
      args.addAll(List.of("lowpass", String.valueOf(lowpassHz)));
    }
    // overdrive and treble change the peak: normalise again so gain alone sets the loudness
    args.addAll(List.of("norm", String.valueOf(NORM_DBFS), "gain", String.valueOf(gainDb)));
    return args;
  }
}

package io.emostream.model.corpus;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of {@code manifest.jsonl}.
 *
 * @param id           unique utterance id
 * @param split        train, dev or test (speaker-disjoint)
 * @param speaker      speaker id
 * @param role         agent or customer
 * @param label        ground truth: neutral, happy, angry or sad
 * @param text         what the model sees: an ASR-style transcript, with errors when {@code asrNoise}
 * @param spokenText   what was spoken
 * @param wav          path of the 16-bit mono WAV relative to the corpus directory
 * @param durationMs   length of the WAV
 * @param conflicting  whether the words suggest a different emotion than the voice
 * @param textEmotion  the emotion the words suggest
 * @param voiceEmotion the emotion the voice expresses
 * @param asrNoise     whether {@code text} carries injected recognition errors
 * @param voice        the speaker's voice
 * @param prosody      the utterance's rendering parameters
 */
@JsonPropertyOrder({"id", "split", "speaker", "role", "label", "text", "spokenText", "wav", "durationMs", "conflicting",
    "textEmotion", "voiceEmotion", "asrNoise", "voice", "prosody"})
public record ManifestEntry(String id, String split, String speaker, String role, String label, String text,
    String spokenText, String wav, long durationMs, boolean conflicting, String textEmotion, String voiceEmotion,
    boolean asrNoise, Voice voice, Prosody prosody) {

  /**
   * The voice of an utterance.
   *
   * @param language   espeak-ng language voice (accent)
   * @param variant    espeak-ng base variant (timbre)
   * @param pitchScale the speaker's personal pitch factor
   * @param rateScale  the speaker's personal rate factor
   */
  public record Voice(String language, String variant, double pitchScale, double rateScale) {}

  /** The entry of a synthesised plan whose WAV lasts {@code durationMs}. */
  public static ManifestEntry of(UtterancePlan p, long durationMs) {
    Speaker s = p.speaker();
    return new ManifestEntry(p.id(), s.split().label(), s.id(), s.role().label(), p.label().label(), p.text(),
        p.spokenText(), p.wavPath(), durationMs, p.conflicting(), p.textEmotion().label(), p.voiceEmotion().label(),
        p.asrNoise(), new Voice(s.language(), s.variant().name(), round3(s.pitchScale()), round3(s.rateScale())),
        p.prosody());
  }

  private static double round3(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}

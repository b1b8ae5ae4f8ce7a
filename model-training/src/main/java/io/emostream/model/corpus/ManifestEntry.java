package io.emostream.model.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param prosody      the espeak-ng rendering parameters (absent for festival and flite)
 * @param effects      the sox emotion rendering of a festival or flite utterance (absent for espeak-ng);
 *                     optional, so manifests written before it stay valid
 */
@JsonPropertyOrder({"id", "split", "speaker", "role", "label", "text", "spokenText", "wav", "durationMs", "conflicting",
    "textEmotion", "voiceEmotion", "asrNoise", "voice", "prosody", "effects"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(String id, String split, String speaker, String role, String label, String text,
    String spokenText, String wav, long durationMs, boolean conflicting, String textEmotion, String voiceEmotion,
    boolean asrNoise, Voice voice, Prosody prosody, VoiceEffects effects) {

  /**
   * The voice of an utterance.
   *
   * @param language    espeak-ng language voice (accent); {@code en-us} for festival and flite
   * @param variant     espeak-ng base variant (timbre), or the festival or flite voice name
   * @param pitchScale  the speaker's personal pitch factor
   * @param rateScale   the speaker's personal rate factor
   * @param synthesizer {@code espeak-ng}, {@code festival} or {@code flite} (new in the second
   *                    synthesiser; absent in older manifests, which are all espeak-ng)
   */
  public record Voice(String language, String variant, double pitchScale, double rateScale, String synthesizer) {}

  /** The entry of a synthesised plan whose WAV lasts {@code durationMs}. */
  public static ManifestEntry of(UtterancePlan p, long durationMs) {
    Speaker s = p.speaker();
    return new ManifestEntry(p.id(), s.split().label(), s.id(), s.role().label(), p.label().label(), p.text(),
        p.spokenText(), p.wavPath(), durationMs, p.conflicting(), p.textEmotion().label(), p.voiceEmotion().label(),
        p.asrNoise(), new Voice(s.language(), s.external() == null ? s.variant().name() : s.external().voice(),
        round3(s.pitchScale()), round3(s.rateScale()), s.synthesizer()), p.prosody(), p.effects());
  }

  private static double round3(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}

package io.emostream.model.corpus;

/**
 * Everything decided about one utterance before it is synthesised; synthesis only executes it, so
 * a corpus is reproducible whatever order the threads finish in.
 *
 * @param index        position in the manifest
 * @param id           utterance id, e.g. {@code syn-00042}
 * @param speaker      who speaks it (and so its split)
 * @param label        ground truth under {@link LabelRule}
 * @param textEmotion  what the words suggest
 * @param voiceEmotion what the prosody expresses
 * @param spokenText   the sentence given to the synthesiser
 * @param text         the transcript the model sees (ASR-style, possibly with errors)
 * @param asrNoise     whether {@code text} carries injected ASR errors
 * @param prosody      the espeak-ng rendering, or null for a festival or flite speaker
 * @param effects      the sox emotion rendering of a festival or flite speaker, or null for espeak-ng
 * @param leadMs       silence before the speech
 * @param tailMs       silence after the speech
 * @param noiseSeed    seed of the line noise added to this clip
 */
public record UtterancePlan(int index, String id, Speaker speaker, Emotion label, Emotion textEmotion,
    Emotion voiceEmotion, String spokenText, String text, boolean asrNoise, Prosody prosody, VoiceEffects effects, int leadMs, int tailMs,
    long noiseSeed) {

  /** The level of the line noise added to the clip. */
  public double noiseDbfs() {
    return prosody != null ? prosody.noiseDbfs() : effects.noiseDbfs();
  }

  /** True when words and voice disagree. */
  public boolean conflicting() {
    return textEmotion != voiceEmotion;
  }

  /** The WAV path relative to the corpus directory. */
  public String wavPath() {
    return "wav/" + speaker.id() + "/" + id + ".wav";
  }
}

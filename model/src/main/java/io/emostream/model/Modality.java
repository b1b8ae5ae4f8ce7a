package io.emostream.model;

/** An input modality of an emotion model. */
public enum Modality {
  /** The speech signal: 16 kHz mono PCM. */
  AUDIO,
  /** The (ASR) transcript of the utterance. */
  TEXT
}

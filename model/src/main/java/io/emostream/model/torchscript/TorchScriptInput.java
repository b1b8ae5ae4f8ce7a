package io.emostream.model.torchscript;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A tensor a bring-your-own TorchScript module takes, as named in its manifest's {@code inputs}. */
public enum TorchScriptInput {
  /** float32 [B, T]: 16 kHz samples in [-1, 1], zero-padded to the longest in the batch. */
  WAVEFORM("waveform"),
  /** int64 [B]: valid samples per row of the waveform (0 when the utterance has no audio). */
  WAVEFORM_LENGTHS("waveform_lengths"),
  /** int64 [B, L]: token ids from the bundle's tokenizer.json, padded with the pad id. */
  INPUT_IDS("input_ids"),
  /** int64 [B, L]: 1 for real tokens, 0 for padding (all 0 when the utterance has no text). */
  ATTENTION_MASK("attention_mask");

  private final String manifestName;

  TorchScriptInput(String manifestName) {
    this.manifestName = manifestName;
  }

  /** The name used in manifest.json. */
  public String manifestName() {
    return manifestName;
  }

  /** Whether this tensor carries (or describes) audio. */
  public boolean isAudio() {
    return this == WAVEFORM || this == WAVEFORM_LENGTHS;
  }

  /** Parses a manifest name; the message lists the valid names. */
  public static TorchScriptInput fromManifest(String name) {
    for (TorchScriptInput input : values()) {
      if (input.manifestName.equals(name.toLowerCase(Locale.ROOT))) {
        return input;
      }
    }
    throw new IllegalArgumentException("unknown input '" + name + "'; valid inputs are "
        + Arrays.stream(values()).map(TorchScriptInput::manifestName).collect(Collectors.joining(", ")));
  }
}

package io.emostream.model.corpus;

import io.emostream.model.audio.Resampler;
import io.emostream.model.wav.WavReader;
import java.util.List;

/**
 * Plain, unemotional speech from three different synthesisers, for judging the model on real
 * wording: no emotion effects, no noise floor (digital silence stays 0), 16 kHz mono.
 * Thread-safe; {@link #close()} stops festival.
 */
public final class FlatSpeech implements AutoCloseable {

  /** The voices, each a different synthesis method. */
  public enum Voice {
    /** espeak-ng's default American English voice (formant synthesis). */
    ESPEAK_EN_US("espeak-ng en-us"),
    /** flite's slt voice (statistical parametric). */
    FLITE_SLT("flite slt"),
    /** festival with the HTS slt voice (statistical parametric, most natural here). */
    FESTIVAL_SLT_HTS("festival slt-hts");

    private final String title;

    Voice(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  private static final VoiceEffects PLAIN = new VoiceEffects(1.0, 0, 0.0, 0, 0.0, 0, 0.0);

  private final String espeak;
  private final ExternalTts external;

  private FlatSpeech(String espeak, ExternalTts external) {
    this.espeak = espeak;
    this.external = external;
  }

  /**
   * Checks the tools.
   *
   * @throws ToolMissingException naming the Debian package of whatever is missing
   */
  public static FlatSpeech open() {
    Processes.versionOf("espeak-ng", "--version", "espeak-ng", "espeak-ng");
    return new FlatSpeech("espeak-ng", ExternalTts.open("festival", "flite", "sox"));
  }

  /** {@code text} spoken by {@code voice}, 16 kHz mono in [-1, 1]. */
  public float[] speak(Voice voice, String name, String text) {
    // a leading dash would be read as an option by the command-line tools ("- They never ...")
    String said = text.strip().replaceFirst("^-+\\s*", "");
    return switch (voice) {
      case ESPEAK_EN_US -> WavReader.decode(Processes.run(List.of(espeak, "-v", "en-us", "--stdout", said),
          "espeak-ng " + name), name).resampledTo(Resampler.MODEL_RATE).samples();
      case FLITE_SLT -> external.speak(name, ExternalVoice.FLITE_SLT, said, PLAIN, Resampler.MODEL_RATE);
      case FESTIVAL_SLT_HTS -> external.speak(name, ExternalVoice.FESTIVAL_SLT_HTS, said, PLAIN,
          Resampler.MODEL_RATE);
    };
  }

  @Override
  public void close() {
    external.close();
  }
}

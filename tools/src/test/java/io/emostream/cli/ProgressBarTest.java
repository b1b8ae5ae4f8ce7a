package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final StringWriter err = new StringWriter();
  private final ProgressBar bar = new ProgressBar(new PrintWriter(err), "synth");

  @Test
  void shouldShowCountPercentRateAndEta() {
    assertThat(bar.line(1000, 4000, 20.0))
        .isEqualTo("synth [#######.......................] 1000/4000  25% 50.0/s ETA 1:00");
  }

  @Test
  void shouldRedrawInPlaceAndEndTheLineWhenDone() {
    bar.onProgress(4, 4);
    assertThat(err.toString()).startsWith("\rsynth [##############################] 4/4 100%").endsWith(System.lineSeparator());
  }
}

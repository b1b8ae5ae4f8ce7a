package io.emostream.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine as every model path gets it: NNPACK off, and a description for the start-up line. */
class DjlRuntimeTest {

  @Test
  void shouldSwitchNnpackOffWhenTheEngineLoads() {
    DjlRuntime.engine();

    // read back from libtorch itself: what torch.backends.nnpack.enabled would report in Python
    assertThat(Nnpack.enabled()).as("libtorch's userEnabledNNPACK flag").contains(false);
  }

  @Test
  void shouldDescribeEngineVersionAndThreadPools() {
    assertThat(DjlRuntime.describe())
        .matches("PyTorch \\d+\\.\\d+\\.\\d+ \\(DJL \\d+\\.\\d+\\.\\d+\\), \\d+ intra-op / \\d+ inter-op threads");
  }
}

package io.emostream.model.runtime;

import ai.djl.Device;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model runs, as the user writes it in config: {@code auto}, {@code cpu}, {@code gpu}
 * or {@code gpu:N}.
 *
 * <p>{@code auto} picks the first GPU when the loaded PyTorch engine sees one and the CPU
 * otherwise; an explicit {@code gpu} fails at resolution time when no such GPU exists, rather
 * than silently running on the CPU.
 *
 * @param kind     what was asked for
 * @param gpuIndex the GPU index for {@link Kind#GPU}, else -1
 */
public record DeviceSpec(Kind kind, int gpuIndex) {

  /** What the user asked for. */
  public enum Kind { AUTO, CPU, GPU }

  private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");

  public static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, -1);
  public static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, -1);

  /** Parses {@code auto | cpu | gpu | gpu:N} (case-insensitive). */
  public static DeviceSpec parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("auto") || value.isEmpty()) {
      return AUTO;
    }
    if (value.equals("cpu")) {
      return CPU;
    }
    Matcher m = GPU.matcher(value);
    if (m.matches()) {
      return new DeviceSpec(Kind.GPU, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(
        "device '" + text + "' is not valid: use auto, cpu, gpu or gpu:N (e.g. gpu:0)");
  }

  /**
   * The DJL device this spec means on this machine.
   *
   * @throws IllegalStateException when a GPU is asked for that the engine cannot see
   */
  public Device resolve() {
    int gpus = DjlRuntime.engine().getGpuCount();
    return switch (kind) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (gpuIndex >= gpus) {
          throw new IllegalStateException(
              "device gpu:" + gpuIndex + " was asked for but the PyTorch engine sees " + gpus + " GPU(s)."
                  + " Use device auto or cpu, or run with a CUDA libtorch"
                  + " (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR) and without pytorch-native-cpu.");
        }
        yield Device.gpu(gpuIndex);
      }
    };
  }

  @Override
  public String toString() {
    return kind == Kind.GPU ? "gpu:" + gpuIndex : kind.name().toLowerCase(Locale.ROOT);
  }
}

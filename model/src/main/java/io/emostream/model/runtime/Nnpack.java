package io.emostream.model.runtime;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches off libtorch's NNPACK convolution backend, as {@code torch.backends.nnpack.set_flags(False)}
 * does in Python.
 *
 * <p>Why: before every CPU convolution libtorch asks whether NNPACK is usable
 * ({@code ConvParams::use_nnpack}: {@code userEnabledNNPACK() && _nnpack_available() && ...}). On CPUs
 * whose features NNPACK's cpuinfo cannot read (many VMs), {@code _nnpack_available()} fails and libtorch
 * 2.x writes {@code Could not initialize NNPACK! Reason: Unsupported hardware.} to stderr, on every model
 * call, many times a second under load. The message cannot be filtered from Java (it is libtorch's own
 * {@code LOG(WARNING)} to file descriptor 2), and DJL's PyTorch engine exposes no switch for it. With the
 * user flag off, the check short-circuits before NNPACK is touched. Nothing is lost: NNPACK serves only
 * stride-1 convolutions with batches of 16 or more, and oneDNN (mkldnn), which libtorch prefers on x86,
 * or the native kernels take those.
 *
 * <p>How: the flag lives in libtorch's {@code at::Context}; this calls the exported C++ functions
 * {@code at::globalContext()} and {@code at::Context::setUserEnabledNNPACK(bool)} of the
 * {@code libtorch_cpu} the engine loaded, found by path in {@code /proc/self/maps}, through JNA (which DJL
 * already uses). Where that is not possible (another OS, a libtorch without these symbols) it does
 * nothing and says so at debug level: the only cost is the noise it would have removed.
 */
final class Nnpack {

  static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";
  static final String IS_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";
  private static final String LIBRARY = "libtorch_cpu.so";

  private static final Logger LOG = LoggerFactory.getLogger(Nnpack.class);

  private Nnpack() {}

  /**
   * Turns NNPACK off in the loaded libtorch. Call after the PyTorch engine has loaded.
   *
   * @return true when the flag was switched off (or already was), false when it could not be reached
   */
  static boolean disable() {
    Optional<NativeLibrary> torch = loadedLibtorch();
    if (torch.isEmpty()) {
      LOG.debug("NNPACK left as is: no {} mapped in this process", LIBRARY);
      return false;
    }
    try {
      Pointer context = context(torch.get());
      torch.get().getFunction(SET_ENABLED).invokeVoid(new Object[] {context, Boolean.FALSE});
      return !enabled(torch.get(), context);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("NNPACK left as is: {} lacks the at::Context NNPACK switch ({})", LIBRARY, e.toString());
      return false;
    }
  }

  /** Whether libtorch would consider NNPACK now; empty when the flag cannot be read. */
  static Optional<Boolean> enabled() {
    try {
      return loadedLibtorch().map(torch -> enabled(torch, context(torch)));
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Pointer context(NativeLibrary torch) {
    return (Pointer) torch.getFunction(GLOBAL_CONTEXT).invoke(Pointer.class, new Object[0]);
  }

  private static boolean enabled(NativeLibrary torch, Pointer context) {
    // a C++ bool comes back in the low byte of the return register
    int raw = torch.getFunction(IS_ENABLED).invokeInt(new Object[] {context});
    return (raw & 0xff) != 0;
  }

  /** The libtorch_cpu the engine loaded (by absolute path, so dlopen returns that very copy). */
  private static Optional<NativeLibrary> loadedLibtorch() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(maps)) {
      return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(path -> path.endsWith("/" + LIBRARY))
          .findFirst()
          .map(NativeLibrary::getInstance);
    } catch (IOException | UnsatisfiedLinkError e) {
      LOG.debug("NNPACK left as is: cannot find the loaded {} ({})", LIBRARY, e.toString());
      return Optional.empty();
    }
  }
}

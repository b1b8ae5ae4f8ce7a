package io.emostream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds ports that are free on 127.0.0.1 at the time of asking. */
public final class FreePorts {

  private FreePorts() {}

  /**
   * A port nothing listens on right now. Another process may take it before the caller binds
   * it; callers that bind at once make that unlikely enough for tests and the demo.
   */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }
}

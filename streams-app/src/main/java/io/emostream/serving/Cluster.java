package io.emostream.serving;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of the application, as far as the REST API needs them: which one hosts a
 * key, which ones host a store, and a way to ask them. Implemented over Kafka Streams metadata
 * by {@link StreamsCluster}.
 */
interface Cluster {

  /**
   * The instance that hosts {@code key} in {@code store}, or empty when it is this one.
   *
   * @throws NotQueryableException while Streams does not know (starting or rebalancing)
   */
  Optional<HostInfo> ownerOf(String store, String key);

  /**
   * The instances other than this one that host part of {@code store}.
   *
   * @throws NotQueryableException while Streams does not know (starting or rebalancing)
   */
  List<HostInfo> otherHosts(String store);

  /** GETs {@code pathAndQuery} from {@code host}, with this instance's credentials. */
  PeerResponse get(HostInfo host, String pathAndQuery) throws IOException;

  /** A peer's answer. */
  record PeerResponse(int status, byte[] body) {}

  /** Thrown while the stores cannot be queried yet; the API answers 503. */
  final class NotQueryableException extends RuntimeException {
    NotQueryableException(String message) {
      super(message);
    }
  }
}

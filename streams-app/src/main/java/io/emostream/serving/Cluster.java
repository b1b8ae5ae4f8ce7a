package io.emostream.serving;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of the application, as far as the REST API needs them: which one hosts a
 * key, which one runs the active task of each partition of a store, and a way to ask them.
 * Implemented over Kafka Streams metadata by {@link StreamsCluster}. Only active tasks count:
 * standby and warm-up replicas are never asked, as their stores may lag far behind.
 */
interface Cluster {

  /**
   * The instance that hosts {@code key} in {@code store}, or empty when it is this one.
   *
   * @throws NotQueryableException while Streams does not know (starting or rebalancing)
   */
  Optional<HostInfo> ownerOf(String store, String key);

  /**
   * The instance running the active task of each partition of {@code store}, this one included;
   * a partition with no active task right now (mid-rebalance) is absent.
   *
   * @throws NotQueryableException while this instance cannot be queried at all
   */
  Map<Integer, HostInfo> activeHosts(String store);

  /** Partitions of every store the API reads (the input topics' partition count). */
  int partitionCount();

  /** This instance's {@code application.server}. */
  HostInfo self();

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

package io.emostream.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link Cluster} over Kafka Streams metadata: every instance advertises its REST address as
 * {@code application.server}, so the metadata of a key or a partition names the active host to
 * ask (standby and warm-up replicas are never named).
 * Every store the API reads is keyed by a string whose default partitioning matches its source
 * topic (callId for the call stores, agentId for the agent windows).
 */
final class StreamsCluster implements Cluster {

  private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final String token;
  private final HttpClient http;
  private final int partitions;

  /**
   * @param self       this instance's {@code application.server}
   * @param token      the bearer token peers require, or null
   * @param partitions the input topics' partition count
   */
  StreamsCluster(KafkaStreams streams, HostInfo self, String token, int partitions) {
    this.partitions = partitions;
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
  }

  @Override
  public Optional<HostInfo> ownerOf(String store, String key) {
    requireQueryable();
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new NotQueryableException("no instance hosts " + store + " for key " + key
          + " yet (Kafka Streams is " + streams.state() + "); retry shortly");
    }
    HostInfo owner = metadata.activeHost();
    return owner.equals(self) ? Optional.empty() : Optional.of(owner);
  }

  @Override
  public Map<Integer, HostInfo> activeHosts(String store) {
    requireQueryable();
    Map<Integer, HostInfo> hosts = new TreeMap<>();
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      // a partitioner that names the partition asks the metadata of this store's own tasks
      StreamPartitioner<String, Object> fixed = (topic, key, value, n) -> Optional.of(Set.of(partition));
      KeyQueryMetadata metadata = streams.queryMetadataForKey(store, "", fixed);
      if (metadata != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
          && metadata.activeHost() != null && metadata.activeHost().port() >= 0) {
        hosts.put(partition, metadata.activeHost());
      }
    }
    return hosts;
  }

  @Override
  public int partitionCount() {
    return partitions;
  }

  @Override
  public HostInfo self() {
    return self;
  }

  @Override
  public PeerResponse get(HostInfo host, String pathAndQuery) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery)).timeout(PEER_TIMEOUT).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new PeerResponse(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + host + " for " + pathAndQuery, e);
    }
  }

  /** Active tasks stay queryable while Streams rebalances; only a stopped or failed instance is not. */
  private void requireQueryable() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      throw new NotQueryableException("Kafka Streams is " + state + "; state stores are queryable once it is"
          + " RUNNING, retry shortly");
    }
  }
}

package io.emostream.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** A {@link Cluster} with scripted owners, peers and peer answers; records what peers were asked. */
final class FakeCluster implements Cluster {

  final Map<String, HostInfo> owners = new HashMap<>();
  final List<HostInfo> peers = new ArrayList<>();
  final Map<HostInfo, PeerResponse> answers = new HashMap<>();
  final List<String> asked = new ArrayList<>();
  boolean queryable = true;

  @Override
  public Optional<HostInfo> ownerOf(String store, String key) {
    check();
    return Optional.ofNullable(owners.get(key));
  }

  @Override
  public List<HostInfo> otherHosts(String store) {
    check();
    return List.copyOf(peers);
  }

  @Override
  public PeerResponse get(HostInfo host, String pathAndQuery) {
    asked.add(host + pathAndQuery);
    return answers.getOrDefault(host, new PeerResponse(404, "{}".getBytes()));
  }

  private void check() {
    if (!queryable) {
      throw new NotQueryableException("Kafka Streams is REBALANCING");
    }
  }
}

package io.emostream.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A {@link Cluster} with scripted owners, partitions and peer answers; records what peers were
 * asked. By default this instance runs partition 0, the only one; {@link #peers} run partitions
 * 1, 2, ... in the order they were added.
 */
final class FakeCluster implements Cluster {

  static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);

  final Map<String, HostInfo> owners = new HashMap<>();
  final List<HostInfo> peers = new ArrayList<>();
  final Map<HostInfo, PeerResponse> answers = new HashMap<>();
  final List<String> asked = new ArrayList<>();
  final List<Integer> unassigned = new ArrayList<>();
  boolean queryable = true;

  @Override
  public Optional<HostInfo> ownerOf(String store, String key) {
    check();
    return Optional.ofNullable(owners.get(key));
  }

  @Override
  public Map<Integer, HostInfo> activeHosts(String store) {
    check();
    Map<Integer, HostInfo> hosts = new TreeMap<>();
    hosts.put(0, SELF);
    for (int i = 0; i < peers.size(); i++) {
      hosts.put(i + 1, peers.get(i));
    }
    unassigned.forEach(hosts::remove);
    return hosts;
  }

  @Override
  public int partitionCount() {
    return 1 + peers.size();
  }

  @Override
  public HostInfo self() {
    return SELF;
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

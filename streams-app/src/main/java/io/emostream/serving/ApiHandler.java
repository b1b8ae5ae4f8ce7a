package io.emostream.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.emostream.alerts.AlertTopology;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.timeline.TimelineTopology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API over the interactive queries:
 *
 * <ul>
 *   <li>{@code GET /api/calls/active}: active calls with their latest rollups per role</li>
 *   <li>{@code GET /api/calls/{id}}: one call (active, or ended within the retention) with its
 *       rollups, timeline, alert state and summary</li>
 *   <li>{@code GET /api/agents}: each agent's current window</li>
 *   <li>{@code GET /api/agents/{id}}: one agent's windows</li>
 *   <li>{@code GET /api/alerts/open}: alerts open now</li>
 * </ul>
 *
 * <p>Lists are gathered partition by partition from the instance running each partition's active
 * task (see {@link ListAnswer}): a partition that cannot answer, mid-rebalance or because its
 * instance is gone, makes the answer {@code partial} and is named, instead of failing the whole
 * request. Single keys are answered by the instance that hosts them, this one forwarding the
 * request when needed; a call not found there is looked for on every instance (see
 * {@link #one}). A request carrying {@code local=true} is answered from this instance alone
 * (peers ask each other that way, so requests never loop). 404 for unknown calls and agents,
 * 503 only while this instance cannot be queried at all.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String CALLS = "/api/calls/";
  private static final String AGENTS = "/api/agents/";

  private final IntFunction<LocalQueries> local;
  private final Cluster cluster;

  /** @param local this instance's queries over one partition's stores */
  ApiHandler(IntFunction<LocalQueries> local, Cluster cluster) {
    this.local = local;
    this.cluster = cluster;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!Http.requireGet(exchange)) {
        return;
      }
      route(exchange, trimSlash(exchange.getRequestURI().getPath()),
          "true".equals(Http.query(exchange).get("local")));
    } catch (Cluster.NotQueryableException | InvalidStateStoreException e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      Http.error(exchange, 503, "not queryable yet: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Failed to answer {}", exchange.getRequestURI(), e);
      Http.error(exchange, 500, "internal error answering " + exchange.getRequestURI().getPath() + ": " + e);
    }
  }

  private void route(HttpExchange exchange, String path, boolean localOnly) throws IOException {
    if (path.equals("/api/calls/active")) {
      all(exchange, TimelineTopology.STORE, localOnly, LocalQueries::activeCalls,
          Comparator.comparingLong((JsonNode n) -> n.path("updatedAt").asLong()).reversed());
    } else if (path.startsWith(CALLS) && path.length() > CALLS.length()) {
      String callId = path.substring(CALLS.length());
      one(exchange, TimelineTopology.STORE, callId, localOnly, q -> q.call(callId),
          "call " + callId + " is unknown, or ended longer ago than summaries.ended-call-retention", true);
    } else if (path.equals("/api/agents")) {
      all(exchange, GroupWindowTopology.AGENT_STORE, localOnly, LocalQueries::agents,
          Comparator.comparing((JsonNode n) -> n.path("agentId").asText()));
    } else if (path.startsWith(AGENTS) && path.length() > AGENTS.length()) {
      String agentId = path.substring(AGENTS.length());
      one(exchange, GroupWindowTopology.AGENT_STORE, agentId, localOnly, q -> q.agent(agentId),
          "agent " + agentId + " has no windows (no scored utterances within the window retention)", false);
    } else if (path.equals("/api/alerts/open")) {
      all(exchange, AlertTopology.STORE, localOnly, LocalQueries::openAlerts,
          Comparator.comparingLong((JsonNode n) -> n.path("openedAt").asLong()).reversed());
    } else {
      Http.error(exchange, 404, "no endpoint " + path + ": try /api/calls/active, /api/calls/{id}, /api/agents,"
          + " /api/agents/{id}, /api/alerts/open or /api/stream");
    }
  }

  /** A list from every partition's active task, this instance's own partitions first. */
  private void all(HttpExchange exchange, String store, boolean localOnly, Function<LocalQueries, List<?>> query,
      Comparator<JsonNode> order) throws IOException {
    Map<Integer, HostInfo> hosts = cluster.activeHosts(store);
    ListAnswer answer = new ListAnswer();
    hosts.forEach((partition, host) -> {
      if (host.equals(cluster.self())) {
        try {
          Http.JSON.valueToTree(query.apply(local.apply(partition))).forEach(answer.items::add);
        } catch (InvalidStateStoreException e) {
          answer.missing.add(partition); // restoring or just migrated: not served from a lagging copy
        }
      }
    });
    if (!localOnly) {
      List<HostInfo> peers = hosts.values().stream().filter(h -> !h.equals(cluster.self())).distinct().toList();
      for (HostInfo peer : peers) {
        Cluster.PeerResponse response = askPeer(peer, exchange);
        List<Integer> theirs = hosts.entrySet().stream().filter(e -> e.getValue().equals(peer))
            .map(Map.Entry::getKey).toList();
        answer.merge(address(peer), theirs, response);
      }
      for (int p = 0; p < cluster.partitionCount(); p++) {
        if (!hosts.containsKey(p)) {
          answer.missing.add(p); // no active task anywhere right now
        }
      }
    }
    Http.json(exchange, 200, answer.toJson(order));
  }

  /**
   * One key: from the instance whose partition murmur2 assigns it, or from here. With
   * {@code fanOut}, a key not found there is looked for on every other instance: a call whose
   * records were produced with another partitioner (librdkafka's CRC32 default) lives on the
   * partition it arrived on, not the one its key hashes to; and during a rebalance, when no
   * metadata names the owner, every instance is asked.
   */
  private void one(HttpExchange exchange, String store, String key, boolean localOnly,
      Function<LocalQueries, Optional<?>> query, String notFound, boolean fanOut) throws IOException {
    Optional<HostInfo> owner = Optional.empty();
    if (!localOnly) {
      try {
        owner = cluster.ownerOf(store, key);
      } catch (Cluster.NotQueryableException e) {
        if (!fanOut) {
          throw e;
        }
        // no metadata during a rebalance: what this instance holds, then every other instance
      }
    }
    if (owner.isPresent()) {
      Cluster.PeerResponse response = askPeer(owner.get(), exchange);
      if (response.status() != 404 || !fanOut) {
        Http.rawJson(exchange, response.status(), response.body());
        return;
      }
    }
    Optional<?> found = findHere(store, query);
    if (found.isPresent()) {
      Http.json(exchange, 200, found.get());
    } else if (localOnly || !fanOut) {
      Http.error(exchange, 404, notFound);
    } else {
      fanOut(exchange, store, owner, notFound);
    }
  }

  /** The key in any partition this instance runs the active task of. */
  private Optional<?> findHere(String store, Function<LocalQueries, Optional<?>> query) {
    InvalidStateStoreException unavailable = null;
    for (Map.Entry<Integer, HostInfo> e : cluster.activeHosts(store).entrySet()) {
      if (e.getValue().equals(cluster.self())) {
        try {
          Optional<?> found = query.apply(local.apply(e.getKey()));
          if (found.isPresent()) {
            return found;
          }
        } catch (InvalidStateStoreException ex) {
          unavailable = ex;
        }
      }
    }
    if (unavailable != null) {
      throw unavailable;
    }
    return Optional.empty();
  }

  /** Asks every other active instance but {@code asked}; the first that knows the key answers. */
  private void fanOut(HttpExchange exchange, String store, Optional<HostInfo> asked, String notFound)
      throws IOException {
    List<String> unanswered = new ArrayList<>();
    List<HostInfo> peers = cluster.activeHosts(store).values().stream()
        .filter(h -> !h.equals(cluster.self()) && !asked.equals(Optional.of(h))).distinct().toList();
    for (HostInfo peer : peers) {
      Cluster.PeerResponse response = askPeer(peer, exchange);
      if (response.status() == 200) {
        Http.rawJson(exchange, 200, response.body());
        return;
      }
      if (response.status() != 404) {
        unanswered.add(address(peer) + " (" + response.status() + ")");
      }
    }
    if (unanswered.isEmpty()) {
      Http.error(exchange, 404, notFound);
    } else {
      exchange.getResponseHeaders().set("Retry-After", "1");
      Http.error(exchange, 503, "not found on the instances that answered; " + String.join(", ", unanswered)
          + " could not be asked yet");
    }
  }

  private Cluster.PeerResponse askPeer(HostInfo peer, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath() + "?local=true";
    try {
      return cluster.get(peer, path);
    } catch (IOException e) {
      LOG.warn("Instance {} did not answer {}: {}", address(peer), path, e.toString());
      return new Cluster.PeerResponse(502, Http.JSON.writeValueAsBytes(
          Map.of("status", 502, "error", "instance " + address(peer) + " did not answer: " + e.getMessage())));
    }
  }

  static String address(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}

package io.emostream.connect.replay;

import io.emostream.connect.Versions;
import io.emostream.schemas.calls.CallDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a directory of recorded calls ({@code <callId>.wav} + {@code <callId>.json}) onto
 * emostream's input topics as a contact-centre platform would produce them live: CALL_STARTED,
 * audio chunks per channel, final transcripts and CALL_ENDED, in real time or faster (see
 * {@link CallReplayConfig}).
 *
 * <p>Values are already in the Confluent Avro wire format (serialized by the task with the
 * registry), so the connector must run with
 * {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter} and
 * {@code key.converter=org.apache.kafka.connect.storage.StringConverter}; keys are call ids.
 *
 * <p>Calls are dealt round-robin to at most {@code tasks.max} tasks. Each call is a source
 * partition whose offset is the index of its next record, so a restarted task resumes where it
 * stopped; with the worker's {@code exactly.once.source.support=enabled} no record is lost or
 * duplicated.
 */
public class CallReplaySourceConnector extends SourceConnector {
  private static final Logger LOG = LoggerFactory.getLogger(CallReplaySourceConnector.class);

  private Map<String, String> props;
  private List<String> callIds;

  @Override
  public void start(Map<String, String> props) {
    CallReplayConfig config = new CallReplayConfig(props);
    List<String> found;
    try {
      found = CallDirectory.callIds(config.callsDir());
    } catch (IllegalArgumentException e) {
      throw new ConnectException(CallReplayConfig.CALLS_DIR_CONFIG + ": " + e.getMessage(), e);
    }
    List<String> usable = new ArrayList<>();
    for (String id : found) {
      if (id.contains(",")) {
        // task configs carry call ids as a comma-separated list
        LOG.error("Skipping recorded call {} in {}: call ids must not contain ','; rename "
            + "its .wav and .json", id, config.callsDir());
      } else {
        usable.add(id);
      }
    }
    if (usable.isEmpty()) {
      LOG.warn("No recorded calls (<callId>.json + <callId>.wav) in {}; nothing to replay",
          config.callsDir().toAbsolutePath());
    }
    this.props = Map.copyOf(props);
    this.callIds = List.copyOf(usable);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return CallReplaySourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int tasks = Math.min(maxTasks, callIds.size());
    List<List<String>> assigned = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      assigned.add(new ArrayList<>());
    }
    for (int i = 0; i < callIds.size(); i++) {
      assigned.get(i % tasks).add(callIds.get(i));
    }
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> calls : assigned) {
      Map<String, String> task = new HashMap<>(props);
      task.put(CallReplayConfig.TASK_CALLS_CONFIG, String.join(",", calls));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    // offsets are plain record indexes of a deterministic plan: re-reading them is exact
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public void stop() {
    // nothing held: tasks own the recordings
  }

  @Override
  public ConfigDef config() {
    return CallReplayConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Versions.current();
  }
}

#!/usr/bin/env python3
"""Plays one call into emostream's input topics the way a non-Java contact-centre platform would.

Confluent's own Python client (librdkafka) produces the records; values are Avro in the
Confluent wire format (magic byte 0, 4-byte schema id, Avro binary), encoded with the Apache
Avro Python library and the standalone schemas emostream publishes, registered over the
registry's REST API. Audio is 8 kHz mu-law in 20 ms frames on two channels, as telephony sends it.

Prints one JSON line: the partition each topic's records landed on, and record counts.
Usage: produce_call.py --bootstrap HOST:PORT --registry URL --schemas DIR --prefix PREFIX
           --call-id ID [--partitioner murmur2_random]
"""
import argparse
import datetime
import io
import json
import math
import struct
import sys
import urllib.request

import avro.io
import avro.schema
from confluent_kafka import Producer

FRAME_MS = 20
RATE = 8000
UTTERANCES = [  # channel, start ms, end ms, text
    (0, 200, 1800, "thank you for calling how can i help"),
    (1, 2000, 3800, "this is ridiculous i want my money back now"),
    (0, 4000, 5600, "i am sorry let me fix that for you"),
    (1, 5800, 7400, "okay that is great thank you"),
]


class AvroWire:
    """Registers a schema under a subject and encodes values in the Confluent wire format."""

    def __init__(self, registry, subject, schema_text):
        body = json.dumps({"schema": schema_text}).encode()
        request = urllib.request.Request(f"{registry}/subjects/{subject}/versions", data=body, method="POST",
                                         headers={"Content-Type": "application/vnd.schemaregistry.v1+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            self.schema_id = json.load(response)["id"]
        self.writer = avro.io.DatumWriter(avro.schema.parse(schema_text))

    def encode(self, datum):
        out = io.BytesIO()
        out.write(struct.pack(">bI", 0, self.schema_id))
        self.writer.write(datum, avro.io.BinaryEncoder(out))
        return out.getvalue()


def mulaw(sample):
    """G.711 mu-law byte of a 16-bit linear sample."""
    sign = 0x80 if sample < 0 else 0
    magnitude = min(abs(sample), 32635) + 0x84
    exponent = max(0, magnitude.bit_length() - 8)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def frame(channel, start_ms, speaking):
    """20 ms of a voiced tone while the channel speaks, of quiet noise-floor otherwise."""
    samples = RATE * FRAME_MS // 1000
    out = bytearray()
    for i in range(samples):
        t = (start_ms * RATE // 1000 + i) / RATE
        level = 6000 if speaking else 40
        value = level * (math.sin(2 * math.pi * (140 + 60 * channel) * t) + 0.3 * math.sin(2 * math.pi * 900 * t))
        out.append(mulaw(int(value)))
    return bytes(out)


def main():
    parser = argparse.ArgumentParser()
    for flag in ("--bootstrap", "--registry", "--schemas", "--prefix", "--call-id"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--partitioner", help="librdkafka partitioner (default: librdkafka's own)")
    args = parser.parse_args()

    topics = {name: args.prefix + name for name in ("calls.audio", "calls.transcripts", "calls.events")}
    schemas = {"calls.audio": "AudioChunk", "calls.transcripts": "TranscriptSegment", "calls.events": "CallEvent"}
    wire = {}
    for name, record in schemas.items():
        with open(f"{args.schemas}/{record}.avsc", encoding="utf-8") as f:
            wire[name] = AvroWire(args.registry, topics[name] + "-value", f.read())

    config = {"bootstrap.servers": args.bootstrap, "enable.idempotence": True, "linger.ms": 5}
    if args.partitioner:
        config["partitioner"] = args.partitioner
    producer = Producer(config)
    partitions = {}
    counts = {}
    errors = []

    def delivered(err, msg):
        if err is not None:
            errors.append(str(err))
        else:
            partitions.setdefault(msg.topic(), set()).add(msg.partition())

    def send(name, value):
        producer.produce(topics[name], key=args.call_id.encode(), value=wire[name].encode(value),
                         on_delivery=delivered)
        counts[name] = counts.get(name, 0) + 1
        producer.poll(0)

    now = datetime.datetime.now(datetime.timezone.utc)
    send("calls.events", {"callId": args.call_id, "type": "CALL_STARTED", "timestamp": now, "tenant": "acme",
                          "agentId": "agent-py", "queue": "billing",
                          "channels": [{"channel": 0, "role": "AGENT"}, {"channel": 1, "role": "CUSTOMER"}],
                          "attributes": {"producer": "python-confluent-kafka"}})
    end_ms = UTTERANCES[-1][2] + 400
    sequence = 0
    pending = list(UTTERANCES)
    for start_ms in range(0, end_ms, FRAME_MS):
        for channel in (0, 1):
            speaking = any(c == channel and s <= start_ms < e for c, s, e, _ in UTTERANCES)
            send("calls.audio", {"callId": args.call_id, "channel": channel, "sequence": sequence,
                                 "startMs": start_ms, "sampleRate": RATE, "encoding": "MULAW",
                                 "payload": frame(channel, start_ms, speaking)})
        sequence += 1
        # the ASR's final transcript follows the utterance's audio
        while pending and pending[0][2] <= start_ms:
            channel, s, e, text = pending.pop(0)
            send("calls.transcripts", {"callId": args.call_id, "utteranceId": f"u{len(UTTERANCES) - len(pending)}",
                                       "channel": channel, "startMs": s, "endMs": e, "text": text, "isFinal": True,
                                       "confidence": 0.9, "words": None, "language": "en"})
    send("calls.events", {"callId": args.call_id, "type": "CALL_ENDED",
                          "timestamp": now + datetime.timedelta(milliseconds=end_ms), "tenant": None,
                          "agentId": None, "queue": None, "channels": [], "attributes": {}})
    remaining = producer.flush(60)
    if errors or remaining:
        print(f"delivery failed: {errors[:3]}, {remaining} undelivered", file=sys.stderr)
        return 1
    print(json.dumps({"partitions": {t: sorted(p) for t, p in partitions.items()}, "counts": counts,
                      "transcripts": len(UTTERANCES)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs an emostream TorchScript bundle in Python's TorchScript runtime: reference scores, or model-alone speed.

  score  the Python reference for the Java side: feeds the bundle exactly the tensors emostream's
         TorchScriptTranslator builds (rows zero-padded to the longest, at least minAudioSamples wide;
         no audio = length 0; no text = mask all 0; token rows padded with padTokenId) and writes
         probabilities, valence, arousal and the token ids it used. Tokenizes with wordpiece.py, so
         the bundle's tokenizer.json must be WordPiece (the generated one, or BERT's).
           torchscript_reference.py score --bundle DIR --inputs inputs.json --output scores.json
         inputs.json: {"batches": [[{"id": "u1", "audio": "u1.f32" or null, "text": "..." or null}, ...], ...]}
         where audio files are raw little-endian float32 samples at 16 kHz, relative to inputs.json.

  bench  model-alone throughput by utterance length and batch size on CPU or CUDA, for machines where
         the JVM's GPU path cannot run (DJL's CUDA libtorch builds are not on Maven Central):
           torchscript_reference.py bench --bundle DIR --device cuda --seconds 2,5,10,30 --batch 1,8,32
         Synthetic inputs: noise-like audio plus 20 words of text per utterance.
"""
import argparse
import json
import os
import random
import sys
import time

import torch

sys.dont_write_bytecode = True  # keep model/scripts free of __pycache__

import wordpiece


def read_manifest(bundle):
    with open(os.path.join(bundle, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    limits = m.get("limits", {})
    return {"file": os.path.join(bundle, m["file"]), "labels": m["labels"],
            "minAudioSamples": limits.get("minAudioSamples", 1),
            "maxAudioSamples": int(round(limits.get("maxAudioSeconds", 30.0) * m.get("sampleRate", 16000))),
            "maxTokens": limits.get("maxTokens", 512), "padTokenId": m.get("padTokenId", 0),
            "tokenizer": os.path.join(bundle, m["tokenizer"])}


def batch_tensors(cases, tokenizer, manifest):
    """(waveform, lengths, input_ids, attention_mask) as emostream's TorchScriptTranslator builds them."""
    audios = []
    for c in cases:
        a = c["audio"]
        audios.append(None if a is None else torch.as_tensor(a, dtype=torch.float32)[: manifest["maxAudioSamples"]])
    ids = [tokenizer.encode(c["text"], manifest["maxTokens"]) for c in cases]
    width = max([manifest["minAudioSamples"]] + [len(a) for a in audios if a is not None])
    length = max([1] + [len(t) for t in ids])
    waveform = torch.zeros(len(cases), width, dtype=torch.float32)
    for row, a in enumerate(audios):
        if a is not None:
            waveform[row, : len(a)] = a
    lengths = torch.tensor([0 if a is None else len(a) for a in audios], dtype=torch.long)
    input_ids = torch.full((len(cases), length), manifest["padTokenId"], dtype=torch.long)
    mask = torch.zeros(len(cases), length, dtype=torch.long)
    for row, tokens in enumerate(ids):
        input_ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
        mask[row, : len(tokens)] = 1
    return (waveform, lengths, input_ids, mask), ids


def score(args):
    manifest = read_manifest(args.bundle)
    tokenizer = wordpiece.WordPiece.load(manifest["tokenizer"])
    module = torch.jit.load(manifest["file"], map_location="cpu").eval()
    with open(args.inputs, encoding="utf-8") as f:
        spec = json.load(f)
    base = os.path.dirname(os.path.abspath(args.inputs))
    results = []
    with torch.no_grad():
        for batch in spec["batches"]:
            cases = []
            for item in batch:
                audio = None
                if item.get("audio") is not None:
                    with open(os.path.join(base, item["audio"]), "rb") as f:
                        audio = torch.frombuffer(bytearray(f.read()), dtype=torch.float32)
                cases.append({"id": item["id"], "audio": audio, "text": item.get("text")})
            inputs, ids = batch_tensors(cases, tokenizer, manifest)
            logits, va = module(*inputs)
            probs = torch.softmax(logits, dim=1)
            results.append([{"id": c["id"], "inputIds": ids[row], "probabilities": probs[row].tolist(),
                             "valence": float(va[row, 0]), "arousal": float(va[row, 1])}
                            for row, c in enumerate(cases)])
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "batches": results}, f, indent=1)
    print("scored", sum(len(b) for b in results), "utterances in", len(results), "batches ->", args.output)


def bench(args):
    manifest = read_manifest(args.bundle)
    tokenizer = wordpiece.WordPiece.load(manifest["tokenizer"])
    device = torch.device(args.device)
    if args.threads:
        torch.set_num_threads(args.threads)
    module = torch.jit.load(manifest["file"], map_location=device).eval()
    words = [w for w in tokenizer.vocab if w.isalpha() and len(w) > 2]
    rng = random.Random(1)

    def inputs(batch, seconds):
        cases = [{"audio": torch.randn(int(seconds * 16000)) * 0.1,
                  "text": " ".join(rng.choice(words) for _ in range(20))} for _ in range(batch)]
        return tuple(t.to(device) for t in batch_tensors(cases, tokenizer, manifest)[0])

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize(device)

    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"CPU, {torch.get_num_threads()} threads"
    params = sum(p.numel() for p in module.parameters())
    print(f"### Model alone, Python TorchScript runtime (torch {torch.__version__}), {name}")
    print(f"{os.path.basename(os.path.abspath(args.bundle))}: {params / 1e6:.1f} M parameters; "
          "calls/device = audio-s/s / 1 audio-s per call-second (agent and customer take turns)\n")
    print("| audio/utt | batch | utt/s | audio-s/s | ms/batch | calls/device |")
    print("|---:|---:|---:|---:|---:|---:|")
    with torch.no_grad():
        for seconds in [float(s) for s in args.seconds.split(",")]:
            for batch in [int(b) for b in args.batch.split(",")]:
                for _ in range(args.warmup):
                    module(*inputs(batch, seconds))
                sync()
                batches, spent = 0, 0.0
                while batches < args.min_batches or spent < args.min_seconds:
                    x = inputs(batch, seconds)
                    sync()
                    t0 = time.perf_counter()
                    module(*x)
                    sync()
                    spent += time.perf_counter() - t0
                    batches += 1
                utt = batches * batch / spent
                print(f"| {seconds:g} s | {batch} | {utt:.1f} | {utt * seconds:.1f} | {1000 * spent / batches:.1f} "
                      f"| {utt * seconds:.0f} |", flush=True)
    if device.type == "cuda":
        print(f"\npeak GPU memory: {torch.cuda.max_memory_allocated(device) / 2**30:.2f} GiB")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="reference scores for given inputs")
    s.add_argument("--bundle", required=True)
    s.add_argument("--inputs", required=True)
    s.add_argument("--output", required=True)
    b = sub.add_parser("bench", help="model-alone throughput")
    b.add_argument("--bundle", required=True)
    b.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N")
    b.add_argument("--seconds", default="2,5,10", help="utterance lengths, comma-separated")
    b.add_argument("--batch", default="1,8,32", help="batch sizes, comma-separated")
    b.add_argument("--warmup", type=int, default=2)
    b.add_argument("--min-seconds", type=float, default=3.0)
    b.add_argument("--min-batches", type=int, default=3)
    b.add_argument("--threads", type=int, help="intra-op threads (CPU)")
    args = p.parse_args()
    score(args) if args.command == "score" else bench(args)


if __name__ == "__main__":
    main()

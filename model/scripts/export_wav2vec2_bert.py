#!/usr/bin/env python3
"""Export the seed architecture (Wav2Vec2 + BERT, cross-modal attention) as an emostream TorchScript bundle.

Runs offline with Debian's python3-torch 1.13 and python3-torchaudio 0.13 (no `transformers`, no
downloads): `apt-get install --no-install-recommends python3-torch python3-torchaudio`, then

  /usr/bin/python3 model/scripts/export_wav2vec2_bert.py --out /tmp/seed-full             # full size
  /usr/bin/python3 model/scripts/export_wav2vec2_bert.py --size reduced --out /tmp/seed-small
  java -jar tools/target/emostream-tools.jar bench-model --model /tmp/seed-full --device cpu

The model (seed_model.py): torchaudio's Wav2Vec2-base audio encoder, a BERT-base-shaped text encoder
(12 layers, 768 wide, 12 heads, 30522-token embedding), cross-modal multi-head attention both ways,
masked mean+std pooling, early fusion, a 4-class head and a valence/arousal head. `--size reduced`
keeps the layout at 2 layers each and 96 wide, for tests.

WEIGHTS ARE RANDOM (seeded) unless you give checkpoints; a random model's scores mean nothing, it
is for plumbing and speed. Checkpoints, all local files read with torch.load:
  --wav2vec2 FILE   a Wav2Vec2 state dict in torchaudio names (torch.save(model.state_dict())),
                    fairseq names (a fairseq checkpoint's "model" entry; the checkpoint itself works
                    when it unpickles without fairseq/omegaconf), or Hugging Face names (the
                    pytorch_model.bin of Wav2Vec2Model or Wav2Vec2For*; weight-norm as weight_g /
                    weight_v). Pick its size with --wav2vec2-arch base|large|large_lv60k.
  --bert FILE       a Hugging Face BERT state dict (pytorch_model.bin of BertModel or BertFor*); its
                    vocabulary, width, depth and FFN size are read off the tensors, --bert-heads sets
                    the heads (12 for base). Needs --tokenizer, the tokenizer.json that goes with it.
  --tokenizer FILE  a Hugging Face tokenizer.json, copied into the bundle. Without one the bundle gets a
                    generated WordPiece tokenizer.json (wordpiece.py: a few hundred words plus letters,
                    so any ASCII text tokenizes; not a trained vocabulary).
  --heads FILE      a state dict for the fusion and heads (every SeedEmotionNet key outside wav2vec2.*
                    and bert.*), e.g. saved after fine-tuning this module.

The emostream TorchScript contract (manifest.json "inputs"/"outputs"; TorchScriptManifest in Java):
  forward(waveform f32[B,T] 16 kHz in [-1,1], waveform_lengths i64[B],
          input_ids i64[B,L], attention_mask i64[B,L]) -> (logits f32[B,4], valence_arousal f32[B,2])
  A missing audio part arrives as length 0, missing text as mask all 0; padding never changes a result.
Before writing, the script checks on the saved file that each utterance scores the same alone as in
a padded batch and that audio-only and text-only inputs give finite scores.
"""
import argparse
import json
import os
import shutil
import sys
import time

import torch

sys.dont_write_bytecode = True  # keep model/scripts free of __pycache__

import seed_model
import wordpiece

SAMPLE_RATE = 16000
MIN_SAMPLES = 400  # Wav2Vec2's conv stack needs 400 samples (25 ms) for its first frame


def build(args):
    """The SeedEmotionNet for args, with checkpoints loaded; and what its weights are."""
    torch.manual_seed(args.seed)
    weights = {"audio": "random", "text": "random", "heads": "random", "seed": args.seed}
    if args.size == "reduced":
        wav2vec2 = seed_model.reduced_wav2vec2()
    else:
        wav2vec2 = seed_model.WAV2VEC2_FACTORIES[args.wav2vec2_arch]()
    if args.wav2vec2:
        state = seed_model.wav2vec2_keys_to_torchaudio(seed_model.load_state_dict_file(args.wav2vec2))
        seed_model.load_strict(wav2vec2, state, "Wav2Vec2-" + args.wav2vec2_arch, args.wav2vec2)
        weights["audio"] = os.path.basename(args.wav2vec2)

    vocab = len(wordpiece.make_vocab()) if args.size == "reduced" else 30522
    hidden, layers, heads, intermediate, positions = (96, 2, 4, 384, 512) if args.size == "reduced" \
        else (768, 12, 12, 3072, 512)
    bert_state = None
    if args.bert:
        bert_state = seed_model.bert_keys_to_ours(seed_model.load_state_dict_file(args.bert))
        vocab, hidden, layers, intermediate, positions = seed_model.bert_shape(bert_state)
        heads = args.bert_heads
        weights["text"] = os.path.basename(args.bert)
    bert = seed_model.BertEncoder(vocab, hidden, layers, heads, intermediate, positions)
    for p in bert.parameters():  # BERT's own initialisation, for realistic activations
        if p.dim() > 1:
            torch.nn.init.normal_(p, std=0.02)
    if bert_state is not None:
        seed_model.load_strict(bert, bert_state, "BERT-shaped encoder", args.bert)

    dim, fusion_heads = (96, 4) if args.size == "reduced" else (768, 12)
    net = seed_model.SeedEmotionNet(wav2vec2, seed_model.audio_dim(wav2vec2), bert, dim, fusion_heads, MIN_SAMPLES)
    if args.heads:
        state = seed_model.load_state_dict_file(args.heads)
        state = {k: v for k, v in state.items() if not k.startswith(("wav2vec2.", "bert."))}
        missing, unexpected = net.load_state_dict(state, strict=False)
        missing = [k for k in missing if not k.startswith(("wav2vec2.", "bert."))]
        if missing or unexpected:
            raise SystemExit(f"{args.heads}: missing {missing}, unexpected {unexpected}")
        weights["heads"] = os.path.basename(args.heads)
    shape = {"wav2vec2": args.wav2vec2_arch if args.size == "full" else "reduced (2 layers, 96 wide, 64 channels)",
             "bert": {"vocab": vocab, "hidden": hidden, "layers": layers, "heads": heads,
                      "intermediate": intermediate, "positions": positions},
             "fusion": {"dim": dim, "heads": fusion_heads},
             "parameters": {"audio": seed_model.count_parameters(wav2vec2), "text": seed_model.count_parameters(bert),
                            "total": seed_model.count_parameters(net)}}
    return net.eval(), weights, shape


def tone(seconds, freq):
    t = torch.arange(int(seconds * SAMPLE_RATE), dtype=torch.float64) / SAMPLE_RATE
    return (0.3 * torch.sin(2 * torch.pi * freq * t) + 0.05 * torch.sin(2 * torch.pi * 3.7 * freq * t)).float()


def self_check(module, tokenizer, max_tokens):
    """Alone vs padded batch, and the missing-modality paths, on the saved module."""
    import torchscript_reference as ref
    cases = [{"id": "both", "audio": tone(1.0, 180.0), "text": "I want to cancel my account right now"},
             {"id": "audio-only", "audio": tone(0.5, 240.0), "text": None},
             {"id": "text-only", "audio": None, "text": "thanks, that was really helpful"}]
    manifest = {"minAudioSamples": MIN_SAMPLES, "maxAudioSamples": 30 * SAMPLE_RATE, "maxTokens": max_tokens,
                "padTokenId": tokenizer.pad_id()}
    with torch.no_grad():
        batch = module(*ref.batch_tensors(cases, tokenizer, manifest)[0])
        for row, case in enumerate(cases):
            alone = module(*ref.batch_tensors([case], tokenizer, manifest)[0])
            for out_alone, out_batch in zip(alone, batch):
                assert torch.isfinite(out_alone).all(), f"{case['id']}: non-finite output"
                assert torch.allclose(out_alone[0], out_batch[row], atol=1e-5), \
                    f"{case['id']}: padding changed the result: {out_alone[0]} vs {out_batch[row]}"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="bundle directory to write (manifest.json, model.pt, tokenizer.json)")
    p.add_argument("--size", choices=["full", "reduced"], default="full")
    p.add_argument("--name", help="model name in the manifest (default: seed-wav2vec2-bert[-reduced])")
    p.add_argument("--wav2vec2", help="Wav2Vec2 state dict (torchaudio, fairseq or Hugging Face key names)")
    p.add_argument("--wav2vec2-arch", choices=sorted(seed_model.WAV2VEC2_FACTORIES), default="base")
    p.add_argument("--bert", help="Hugging Face BERT state dict (needs --tokenizer)")
    p.add_argument("--bert-heads", type=int, default=12)
    p.add_argument("--tokenizer", help="tokenizer.json for the text encoder (default: a generated WordPiece one)")
    p.add_argument("--heads", help="state dict of the fusion and heads")
    p.add_argument("--max-audio-seconds", type=float, default=30.0)
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--skip-check", action="store_true", help="do not run the padding/missing-modality check")
    args = p.parse_args()
    if args.bert and not args.tokenizer:
        p.error("--bert needs --tokenizer (the tokenizer.json the checkpoint was trained with)")
    if args.size == "reduced" and (args.wav2vec2 or args.bert):
        p.error("checkpoints go with --size full (the reduced variant is for tests)")

    started = time.time()
    net, weights, shape = build(args)
    os.makedirs(args.out, exist_ok=True)
    tokenizer_path = os.path.join(args.out, "tokenizer.json")
    if args.tokenizer:
        shutil.copyfile(args.tokenizer, tokenizer_path)
    else:
        with open(tokenizer_path, "w", encoding="utf-8") as f:
            json.dump(wordpiece.make_tokenizer_json(), f, indent=1)
            f.write("\n")
    with open(tokenizer_path, encoding="utf-8") as f:
        tokenizer_json = json.load(f)
    vocab_json = tokenizer_json.get("model", {}).get("vocab")
    pad_id = vocab_json.get("[PAD]", 0) if isinstance(vocab_json, dict) else 0  # BERT's [PAD] is 0
    if args.max_tokens > shape["bert"].get("positions", 512):
        p.error("--max-tokens exceeds the text encoder's 512 positions")

    scripted = torch.jit.script(net)
    model_path = os.path.join(args.out, "model.pt")
    scripted.save(model_path)
    if args.skip_check:
        pass
    elif tokenizer_json["model"].get("type") == "WordPiece":
        self_check(torch.jit.load(model_path), wordpiece.WordPiece(tokenizer_json), args.max_tokens)
    else:
        print("padding/missing-modality check skipped: the Python reference tokenizes WordPiece only")

    name = args.name or ("seed-wav2vec2-bert" + ("-reduced" if args.size == "reduced" else ""))
    manifest = {
        "formatVersion": 1, "name": name, "version": "1.0.0", "architecture": "torchscript", "file": "model.pt",
        "labels": seed_model.LABELS, "sampleRate": SAMPLE_RATE,
        "inputs": ["waveform", "waveform_lengths", "input_ids", "attention_mask"],
        "tokenizer": "tokenizer.json", "padTokenId": pad_id,
        "outputs": {"logits": 0, "valenceArousal": 1, "scores": "logits"},
        "limits": {"maxAudioSeconds": args.max_audio_seconds, "maxTokens": args.max_tokens,
                   "minAudioSamples": MIN_SAMPLES},
        "missing": {"audio": "zero-length", "text": "empty"},
        "standalone": ["AUDIO", "TEXT"],
        "seedArchitecture": dict(shape, weights=weights, exportedWith="torch " + torch.__version__),
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    total = shape["parameters"]["total"]
    print(f"wrote {args.out}: {name}, {total / 1e6:.1f} M parameters, weights {weights}, "
          f"{time.time() - started:.0f} s")


if __name__ == "__main__":
    main()

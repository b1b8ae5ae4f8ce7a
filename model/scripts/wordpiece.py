"""A BERT-style WordPiece tokenizer without the `tokenizers` package: writes and reads tokenizer.json.

Two uses, both offline:
  * `make_tokenizer_json()` builds a small, complete WordPiece vocabulary (special tokens, a few
    hundred common contact-centre words, and every ASCII letter and digit as a word start and as a
    "##" continuation, so any ASCII word tokenizes) in Hugging Face's tokenizer.json format. The
    export script uses it when no real tokenizer.json is given. It is NOT a trained vocabulary: it
    only gives the random-weight text encoder realistic token counts and ids.
  * `WordPiece` encodes text the way Hugging Face's tokenizer (and DJL's binding of it, which
    emostream uses) does for such a file -- BertNormalizer with lowercasing, BertPreTokenizer,
    greedy longest-match WordPiece, "[CLS] $A [SEP]" -- for ASCII text. The score command uses
    it as the independent Python reference; the Java IT checks both give the same ids.
"""
import json
import re
import unicodedata
from typing import Dict, List, Optional

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = (
    "i me my mine you your yours we our us they them their he she it its this that these those "
    "a an the is am are was were be been being have has had do does did will would can could "
    "should may might must not no yes and or but so if then than because about with without for "
    "to of in on at by from up down out over under again very really just too also only still "
    "what why how when where who which there here now today tomorrow yesterday week month year "
    "hello hi thanks thank please sorry okay ok fine good great excellent wonderful amazing happy "
    "glad love like pleased perfect nice appreciate helpful awesome fantastic brilliant "
    "bad terrible awful horrible hate angry furious upset annoyed frustrated ridiculous worst "
    "unacceptable disappointed disgusting rude useless never again complaint complain "
    "sad unhappy lost miss missed tired sick worried afraid unfortunately cry crying alone "
    "account bill billing charge charged payment pay paid refund cancel cancelled subscription "
    "service customer support agent manager supervisor call called calling phone number email "
    "order delivery delivered package late wait waiting waited hold minutes hours days problem "
    "issue error broken fix fixed help need want know think say said tell told ask asked "
    "get got give given take make made go going come back new old same different right wrong "
    "one two three four five ten first last next time again money price plan internet line"
).split()
PUNCTUATION = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
CHARACTERS = list("abcdefghijklmnopqrstuvwxyz0123456789")


def make_vocab() -> Dict[str, int]:
    """Specials first ([PAD] = 0), then words, characters, punctuation and "##" continuations."""
    tokens: List[str] = []
    for t in SPECIALS + WORDS + CHARACTERS + PUNCTUATION + ["##" + c for c in CHARACTERS]:
        if t not in tokens:
            tokens.append(t)
    return {t: i for i, t in enumerate(tokens)}


def make_tokenizer_json() -> dict:
    """The generated vocabulary as a Hugging Face tokenizer.json (BERT uncased pipeline)."""
    vocab = make_vocab()
    special = [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for t in SPECIALS]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": special,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {t: {"id": t, "ids": [vocab[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


class WordPiece:
    """Encodes like a BERT-uncased WordPiece tokenizer.json (for ASCII text; see the module doc)."""

    def __init__(self, tokenizer_json: dict) -> None:
        model = tokenizer_json["model"]
        if model.get("type") != "WordPiece":
            raise ValueError("the Python reference encoder reads WordPiece tokenizer.json files only, not "
                             + str(model.get("type")))
        self.vocab: Dict[str, int] = model["vocab"]
        self.unk = model.get("unk_token", "[UNK]")
        self.prefix = model.get("continuing_subword_prefix", "##")
        self.max_chars = model.get("max_input_chars_per_word", 100)
        normalizer = tokenizer_json.get("normalizer") or {}
        self.lowercase = normalizer.get("lowercase", False)

    @staticmethod
    def load(path: str) -> "WordPiece":
        with open(path, encoding="utf-8") as f:
            return WordPiece(json.load(f))

    def pad_id(self) -> int:
        return self.vocab.get("[PAD]", 0)

    def encode(self, text: Optional[str], max_tokens: int) -> List[int]:
        """[CLS] pieces [SEP], the pieces cut so the whole fits max_tokens (as HF truncation does)."""
        if text is None:
            return []
        if self.lowercase:
            text = unicodedata.normalize("NFD", text.lower())
            text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        pieces: List[int] = []
        for word in re.findall(r"\w+|[^\w\s]", text):
            pieces.extend(self._word(word))
        pieces = pieces[: max(0, max_tokens - 2)]
        return [self.vocab["[CLS]"]] + pieces + [self.vocab["[SEP]"]]

    def _word(self, word: str) -> List[int]:
        if len(word) > self.max_chars:
            return [self.vocab[self.unk]]
        ids: List[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.vocab[self.unk]]
            ids.append(found)
            start = end
        return ids

"""The model artefact: one JSON file, versioned, with no pickles.

JSON rather than joblib/pickle because a model file is data that a deployment downloads and loads: loading it
must not run code, and must not depend on the exact scikit-learn version that trained it. Arrays are stored
as base64 of little-endian float32 (weights) or float64 (idf), which keeps the file a few MB. The shipped
model lives in ``models/artifacts/``; ``sorot train`` writes new ones to the data directory.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np

from sorot.models.classifier.features import WordVectorizer
from sorot.models.classifier.model import LabelHead, StageHead, TopicModel
from sorot.models.rules.patterns import RULES_VERSION

FORMAT = "sorot-topic-model"
FORMAT_VERSION = 2
# Format 1 (words only) still loads; format 2 adds the optional character n-grams (``chars``).
READABLE_VERSIONS = (1, 2)
SHIPPED = Path(__file__).resolve().parent.parent / "artifacts" / "topic-model.json"


class ModelFileError(ValueError):
    """The file is not a Sorot topic model, or one this version cannot read."""


def _pack(array: np.ndarray, dtype: str = "<f4") -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def _unpack(text: str, dtype: str = "<f4") -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).astype(np.float64)


def to_json(model: TopicModel) -> dict[str, Any]:
    heads = {}
    for label, head in model.heads.items():
        entry: dict[str, Any] = {"kind": head.kind, "threshold": head.threshold, "positives": head.positives}
        if head.kind == "stacked":
            entry["combiner"] = _pack(head.combiner)
            if head.coef is not None:
                entry.update(coef=_pack(head.coef), intercept=head.intercept)
        heads[label] = entry
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": model.version,
        "info": model.info,
        "words": _vectorizer_json(model.words),
        "chars": _vectorizer_json(model.chars),
        "use_rules": model.use_rules,
        "memory": {
            key: {"labels": list(labels), "tahap": tahap} for key, (labels, tahap) in model.memory.items()
        },
        "heads": heads,
        "stage": (
            {
                "classes": model.stage.classes,
                "coef": _pack(model.stage.coef.ravel()),
                "intercept": model.stage.intercept.tolist(),
            }
            if model.stage
            else None
        ),
    }


def _vectorizer_json(vectorizer: WordVectorizer | None) -> dict[str, Any] | None:
    if vectorizer is None:
        return None
    entry: dict[str, Any] = {
        "vocabulary": vectorizer.vocabulary,
        "idf": _pack(vectorizer.idf, "<f8"),
        "ngram_max": vectorizer.ngram_max,
    }
    if vectorizer.kind != "word" or vectorizer.scope or vectorizer.ngram_min != 1:
        entry.update(kind=vectorizer.kind, ngram_min=vectorizer.ngram_min, scope=vectorizer.scope)
    return entry


def _vectorizer(entry: dict[str, Any] | None) -> WordVectorizer | None:
    if not entry:
        return None
    return WordVectorizer(
        list(entry["vocabulary"]),
        _unpack(entry["idf"], "<f8"),
        int(entry["ngram_max"]),
        str(entry.get("kind", "word")),
        int(entry.get("ngram_min", 1)),
        int(entry.get("scope", 0)),
    )


def from_json(data: dict[str, Any]) -> TopicModel:
    if data.get("format") != FORMAT:
        raise ModelFileError("not a Sorot topic model file")
    if data.get("format_version") not in READABLE_VERSIONS:
        raise ModelFileError(
            f"model file format {data.get('format_version')} (this Sorot reads "
            f"{', '.join(map(str, READABLE_VERSIONS))})"
        )
    words = _vectorizer(data["words"])
    heads = {}
    for label, entry in data["heads"].items():
        if entry["kind"] == "stacked":
            heads[label] = LabelHead(
                "stacked",
                float(entry["threshold"]),
                _unpack(entry["coef"]) if "coef" in entry else None,
                float(entry.get("intercept", 0.0)),
                _unpack(entry["combiner"]),
                int(entry.get("positives", 0)),
            )
        else:
            heads[label] = LabelHead(
                "rules", float(entry["threshold"]), positives=int(entry.get("positives", 0))
            )
    stage = None
    if data["stage"]:
        classes = list(data["stage"]["classes"])
        coef = _unpack(data["stage"]["coef"]).reshape(len(classes), -1)
        stage = StageHead(classes, coef, np.asarray(data["stage"]["intercept"], dtype=np.float64))
    memory = {key: (tuple(entry["labels"]), entry["tahap"]) for key, entry in data.get("memory", {}).items()}
    return TopicModel(
        version=data["version"],
        words=words,
        use_rules=bool(data["use_rules"]),
        heads=heads,
        stage=stage,
        info=data["info"],
        memory=memory,
        chars=_vectorizer(data.get("chars")),
    )


def save(model: TopicModel, path: Path) -> Path:
    """Write the model (same model, same bytes: keys sorted, no timestamps)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(to_json(model), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load(path: Path = SHIPPED) -> TopicModel:
    """Read a model file; a model trained with other rules still loads (unknown rule columns are ignored)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ModelFileError(f"{path}: not JSON ({error})") from None
    model = from_json(data)
    trained_with = model.info.get("rules_version")
    if trained_with and trained_with != RULES_VERSION:
        model.info["warning"] = f"trained with rules {trained_with}, running with rules {RULES_VERSION}"
    return model

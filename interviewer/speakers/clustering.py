"""Provides numpy-only clustering of speaker embeddings into a known number of speakers."""

from __future__ import annotations

import numpy as np


def cosine_similarity(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """Pairwise cosine similarity of the rows of a (and b)."""
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    if b is None:
        return a @ a.T
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return a @ b.T


def _farthest_point_init(points: np.ndarray, k: int) -> np.ndarray:
    # Deterministic: start from the point farthest from the mean, then keep taking the farthest.
    centre = points.mean(axis=0)
    chosen = [int(np.argmax(((points - centre) ** 2).sum(axis=1)))]
    distance = ((points - points[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        chosen.append(int(np.argmax(distance)))
        distance = np.minimum(distance, ((points - points[chosen[-1]]) ** 2).sum(axis=1))
    return points[chosen].copy()


def kmeans(points: np.ndarray, k: int, iterations: int = 50) -> np.ndarray:
    """Labels from Lloyd's k-means with a deterministic farthest-point start."""
    centres = _farthest_point_init(points, k)
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        distance = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        new_labels = distance.argmin(axis=1)
        if _ == 0 or (new_labels != labels).any():
            labels = new_labels
        else:
            break
        for c in range(k):
            if (labels == c).any():
                centres[c] = points[labels == c].mean(axis=0)
    return labels


def spectral_clusters(embeddings: np.ndarray, num_clusters: int, neighbours: float = 0.3) -> np.ndarray:
    """Cluster labels (0..num_clusters-1) by spectral clustering on a pruned cosine affinity.

    Each row of the affinity keeps only its strongest `neighbours` fraction of links, which removes
    the weak cross-speaker similarities that make raw cosine affinities nearly uniform.
    """
    n = len(embeddings)
    if n <= num_clusters:
        return np.arange(n) % max(num_clusters, 1)
    similarity = cosine_similarity(embeddings)
    np.fill_diagonal(similarity, 0.0)
    keep = max(2, min(n - 1, int(round(neighbours * n))))
    threshold = np.sort(similarity, axis=1)[:, -keep][:, None]
    affinity = np.where(similarity >= threshold, similarity, 0.0)
    affinity = np.maximum(affinity, affinity.T)
    degree = affinity.sum(axis=1)
    inv_sqrt = 1.0 / np.sqrt(np.maximum(degree, 1e-12))
    normalised = affinity * inv_sqrt[:, None] * inv_sqrt[None, :]
    _, vectors = np.linalg.eigh(normalised)
    spectral = vectors[:, -num_clusters:]
    spectral /= np.maximum(np.linalg.norm(spectral, axis=1, keepdims=True), 1e-12)
    return kmeans(spectral, num_clusters)


def centroids(embeddings: np.ndarray, labels: np.ndarray, num_clusters: int) -> np.ndarray:
    """The L2-normalised mean embedding of each cluster (zeros for an empty one)."""
    out = np.zeros((num_clusters, embeddings.shape[1]), dtype=np.float64)
    for c in range(num_clusters):
        members = embeddings[labels == c]
        if len(members):
            mean = members.mean(axis=0)
            out[c] = mean / max(np.linalg.norm(mean), 1e-12)
    return out


def refine_by_centroids(embeddings: np.ndarray, labels: np.ndarray, num_clusters: int, rounds: int = 5) -> np.ndarray:
    """A few rounds of cosine k-means starting from the given labels."""
    for _ in range(rounds):
        new = cosine_similarity(embeddings, centroids(embeddings, labels, num_clusters)).argmax(axis=1)
        if (new == labels).all():
            break
        labels = new
    return labels


def _average_linkage(unit: np.ndarray, num_clusters: int) -> np.ndarray:
    # With unit vectors the mean pairwise similarity of two clusters is the dot product of their
    # sums over the product of their sizes, so each merge only updates one row.
    n = len(unit)
    dots = unit @ unit.T
    sizes = np.ones(n)
    labels = np.arange(n)
    alive = np.ones(n, dtype=bool)
    average = dots.copy()
    np.fill_diagonal(average, -np.inf)
    for _ in range(n - num_clusters):
        i, j = np.unravel_index(np.argmax(average), average.shape)
        i, j = min(i, j), max(i, j)
        dots[i] += dots[j]
        dots[:, i] = dots[i]
        sizes[i] += sizes[j]
        labels[labels == j] = i
        alive[j] = False
        row = np.where(alive, dots[i] / (sizes[i] * sizes), -np.inf)
        average[i], average[:, i] = row, row
        average[i, i] = -np.inf
        average[j], average[:, j] = -np.inf, -np.inf
    return np.unique(labels, return_inverse=True)[1]


def agglomerative_clusters(embeddings: np.ndarray, num_clusters: int, min_fraction: float = 0.03) -> np.ndarray:
    """Cluster labels by average-linkage agglomeration on cosine similarity.

    A final cluster holding fewer than min_fraction of the points is taken for outliers (a cough,
    two voices at once): its points are set aside, the rest clustered again, and the outliers join
    the nearest cluster.
    """
    n = len(embeddings)
    if n <= num_clusters:
        return np.arange(n) % max(num_clusters, 1)
    unit = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
    kept = np.arange(n)
    smallest = max(2, int(np.ceil(min_fraction * n)))
    for attempt in range(5):
        labels = _average_linkage(unit[kept], num_clusters)
        outliers = np.bincount(labels, minlength=num_clusters)[labels] < smallest
        if not outliers.any() or (~outliers).sum() < num_clusters * smallest or attempt == 4:
            break
        kept = kept[~outliers]
    full = cosine_similarity(unit, centroids(unit[kept], labels, num_clusters)).argmax(axis=1)
    full[kept] = labels
    return full


def silhouette(embeddings: np.ndarray, labels: np.ndarray, num_clusters: int) -> float:
    """Mean silhouette under cosine distance: near 1 when clusters are tight and far apart."""
    distance = 1.0 - cosine_similarity(embeddings)
    n = len(embeddings)
    counts = np.bincount(labels, minlength=num_clusters).astype(float)
    totals = np.stack([distance[:, labels == c].sum(axis=1) for c in range(num_clusters)], axis=1)
    own_count = counts[labels] - 1
    own = totals[np.arange(n), labels] / np.maximum(own_count, 1)
    others = totals / np.maximum(counts, 1)
    others[np.arange(n), labels] = np.inf
    others[:, counts == 0] = np.inf
    nearest = others.min(axis=1)
    scores = (nearest - own) / np.maximum(np.maximum(own, nearest), 1e-12)
    scores[own_count == 0] = 0.0
    return float(scores.mean())


def cluster_speakers(embeddings: np.ndarray, num_clusters: int) -> np.ndarray:
    """Labels for speaker embeddings: the best separated (by silhouette) of a few clusterings.

    Spectral clustering suits speakers who talk about equally; average linkage keeps a speaker who
    talks little (an interviewer's short questions) from being swallowed by the other's variation.
    """
    if num_clusters <= 1:
        return np.zeros(len(embeddings), dtype=int)
    if len(embeddings) <= num_clusters:
        return np.arange(len(embeddings))
    candidates = [
        spectral_clusters(embeddings, num_clusters, neighbours=0.3),
        spectral_clusters(embeddings, num_clusters, neighbours=0.1),
        agglomerative_clusters(embeddings, num_clusters, min_fraction=0.03),
        agglomerative_clusters(embeddings, num_clusters, min_fraction=0.1),
    ]
    refined = [refine_by_centroids(embeddings, labels, num_clusters) for labels in candidates]
    scores = [silhouette(embeddings, labels, num_clusters) for labels in refined]
    return refined[int(np.argmax(scores))]

"""Provides batch transcription of a study's waiting recordings on a Dask cluster (local processes or remote workers)."""

"""Provides the study side of anonymisation: its settings, the anonymisation of stored interviews and the encrypted re-identification key."""

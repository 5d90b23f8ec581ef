"""Provides the study's protection at rest: encrypting a plain study, backups and restores, checks, the retention of
recordings and a participant's withdrawal."""

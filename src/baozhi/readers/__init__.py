"""Readers: bytes at the edge → decoded text or geometric pages. They raise InputError."""

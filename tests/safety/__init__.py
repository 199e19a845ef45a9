"""Fault-injection tests: "Nothing lost" — crashes, damage, locks, read-only files, full disks, hostile input."""

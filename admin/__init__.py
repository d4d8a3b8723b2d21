"""Admin command line: review misunderstood messages, label, retrain, gate, promote, roll back.

Run `python -m admin --help`; the workflow is described in README.md ("Admin retraining").
"""

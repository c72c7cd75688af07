"""Persuasion-technique spans (SemEval-2020 Task 11): features, the onnxruntime model, rules."""

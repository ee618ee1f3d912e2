"""Extensions loaded by the Rasa server itself (not the action server).

credentials.yml and endpoints.yml refer to them by module path, so Rasa must run from the
project root (the Makefile and tests do).
"""

"""The managers' dashboard: the day at a glance, each figure opening its page."""

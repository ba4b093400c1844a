"""Helpers shared by the tests: programs the tests drive and the checks they run with them."""

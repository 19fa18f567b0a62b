"""Knowledge as data: word lists read through importlib.resources."""

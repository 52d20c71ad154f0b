"""The home page: what each person has to do and to read, by their roles."""

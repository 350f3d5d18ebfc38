"""Exercise packs: the YAML files liaison teams write to describe one exercise."""

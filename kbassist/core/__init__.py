"""Qt-free, OS-free core: knowledge base, index, search, rendering."""

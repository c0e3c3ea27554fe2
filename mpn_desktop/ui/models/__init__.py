"""Qt item models over the store's records, and the filter that searches them."""

"""Qt-free dermatomes and nerve territories, and "muscle, nerve root or nerve?" rankings."""

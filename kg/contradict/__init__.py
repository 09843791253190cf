"""contradict"""

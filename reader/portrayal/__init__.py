"""The stance model: how a sentence portrays a person, organisation or place.

``judge`` asks the model (``model`` holds the weights, ``features`` what it
reads of a parsed sentence); ``count`` tallies an entity's sentences into its
portrayal; ``train`` refits the shipped ``weights.npz`` from NewsMTSC's train
split. See the model card in the README.
"""

"""Who said what: attributions, their cues and speakers, anonymous and unattributed sourcing."""

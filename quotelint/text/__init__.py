"""Reading an article: decoding, markup, paragraphs, sentences and quotations."""

"""The returns (报表) page: generate, preview, print, save and sign; the signing identity."""

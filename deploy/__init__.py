"""Deployment: the container image, compose file, Kubernetes manifests and `make stack`."""

"""What pyproject.toml cannot say: templates/ and migrations/ ship inside the package.

They stay at the top level of the repository (DESIGN.md's layout); the wheel holds them as
tracker/templates and tracker/migrations, where tracker.resources.resource_dir finds them. Every
other setting is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

# top-level folders shipped inside the package, as tracker.<name>
SHIPPED_INSIDE = ("templates", "migrations")

packages = find_namespace_packages(include=["tracker", "tracker.*"])
package_dir = {}
for folder in SHIPPED_INSIDE:
    package_dir[f"tracker.{folder}"] = folder
    packages += [
        f"tracker.{name}" for name in find_namespace_packages(include=[folder, f"{folder}.*"])
    ]

setup(packages=packages, package_dir=package_dir)
